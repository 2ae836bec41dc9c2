namespace DigestBot.Render.Email;

/// <summary>A source's full rights notice, printed once in the email's footer when its stories show only the copyright line.</summary>
public sealed record SourceNotice(string Source, string Notice);
