namespace DigestBot.Model;

/// <summary>
/// What a reader chooses on the preference centre. Empty <see cref="Sections"/> or <see cref="Digests"/> mean all of them
/// (later ones included); a null <see cref="Digests"/> leaves the digests as they are (a form with one digest to offer).
/// </summary>
public sealed record ReaderPreferences(
    IReadOnlyList<string> Sections,
    IReadOnlyList<string>? Digests,
    string? TimeZone,
    int? DeliveryHour,
    IReadOnlyList<string> MutedWords);
