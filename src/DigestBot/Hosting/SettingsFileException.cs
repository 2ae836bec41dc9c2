namespace DigestBot.Hosting;

/// <summary>A settings file that cannot be read as JSON; the message names the file, line and position.</summary>
public sealed class SettingsFileException(string message, Exception innerException) : Exception(message, innerException);
