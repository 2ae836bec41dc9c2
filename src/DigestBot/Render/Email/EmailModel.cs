using DigestBot.Model;

namespace DigestBot.Render.Email;

/// <summary>What the email templates see: one digest, personalised for one subscriber.</summary>
public sealed record EmailModel(
    Digest Digest,
    IReadOnlyList<SectionDigest> Sections,
    string RecipientName,
    string Preheader,
    string UnsubscribeUrl,
    string PreferencesUrl,
    string PostalAddress,
    string FromName);
