using System.ComponentModel.DataAnnotations;

namespace DigestBot.Options;

public sealed class SubscriberOptions
{
    [Required(AllowEmptyStrings = false), EmailAddress]
    public string Email { get; set; } = "";

    public string? Name { get; set; }

    /// <summary>Section ids this subscriber reads; empty means every section of the digest.</summary>
    public List<string> Sections { get; set; } = [];

    /// <summary>Digest ids this subscriber receives; empty means every digest that sends email.</summary>
    public List<string> Digests { get; set; } = [];
}
