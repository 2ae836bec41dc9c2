namespace DigestBot.Render.Email;

/// <summary>The templates folder or one of the templates in it is missing; the message names what is missing and where.</summary>
public sealed class TemplateFolderException(string message) : Exception(message);
