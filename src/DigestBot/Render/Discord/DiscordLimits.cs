namespace DigestBot.Render.Discord;

/// <summary>Discord's documented message limits (message resource, "Embed Limits"), counted in characters.</summary>
public static class DiscordLimits
{
    public const int Content = 2000;
    public const int EmbedsPerMessage = 10;
    public const int Title = 256;
    public const int Description = 4096;
    public const int FieldValue = 1024;
    public const int Footer = 2048;
    public const int EmbedCharactersPerMessage = 6000;
    public const int Username = 80;
    public const int ThreadName = 100;
}
