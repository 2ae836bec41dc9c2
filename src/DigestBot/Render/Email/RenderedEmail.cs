namespace DigestBot.Render.Email;

public sealed record RenderedEmail(string Subject, string Html, string Text);
