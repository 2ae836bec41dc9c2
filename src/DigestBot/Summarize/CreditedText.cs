namespace DigestBot.Summarize;

/// <summary>Text with its wire furniture taken off, and the agency the furniture named (e.g. "AFP"), if any.</summary>
public sealed record CreditedText(string Text, string? Credit);
