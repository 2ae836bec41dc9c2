namespace DigestBot.Fetch.Parsing;

/// <summary>
/// A document that was cut short (a dropped connection, a file copied in part), closed right after its last complete
/// item so it can be read; whatever followed that item is left out.
/// </summary>
/// <param name="ClosedText">The text up to the end of the last complete item, followed by the closing tags or brackets it lacked.</param>
/// <param name="CompleteItems">Items that ended before the cut.</param>
/// <param name="PartialItemDropped">True when an item had begun but not ended at the cut.</param>
internal sealed record TruncatedDocument(string ClosedText, int CompleteItems, bool PartialItemDropped)
{
    private const string Cause = "the download or file was cut short";

    public static string NoCompleteItem(string detail) => $"the document ends abruptly before its first complete item ({Cause}): {detail}";

    public string Warning(int itemsRead) =>
        $"the document ends abruptly ({Cause}): read the {itemsRead} complete item{(itemsRead == 1 ? "" : "s")} before the cut"
        + (PartialItemDropped ? ", dropped the incomplete item after them" : "");
}
