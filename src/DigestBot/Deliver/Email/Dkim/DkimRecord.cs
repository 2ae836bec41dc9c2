namespace DigestBot.Deliver.Email.Dkim;

/// <summary>A DKIM public key as published in DNS: a TXT record named <see cref="Name"/> holding <see cref="Value"/>.</summary>
public sealed record DkimRecord(string Selector, string Domain, string Value)
{
    public string Name => $"{Selector}._domainkey.{Domain}";
}
