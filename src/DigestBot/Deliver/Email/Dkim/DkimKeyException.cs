namespace DigestBot.Deliver.Email.Dkim;

/// <summary>A DKIM key file that cannot be used; the message says why, for the configuration error that names the setting.</summary>
public sealed class DkimKeyException(string message, Exception? inner = null) : Exception(message, inner);
