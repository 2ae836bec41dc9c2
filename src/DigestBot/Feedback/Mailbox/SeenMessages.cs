namespace DigestBot.Feedback.Mailbox;

/// <summary>
/// Messages left in the mailbox (unreadable, or a report no subscriber matches) are not read again on every check while
/// the worker runs; a restart, or a new UIDVALIDITY (the server renumbered the folder), reads them once more.
/// </summary>
internal sealed class SeenMessages
{
    private readonly HashSet<uint> uids = [];
    private uint validity;

    public bool Contains(uint uidValidity, uint uid) => uidValidity == validity && uids.Contains(uid);

    public void Add(uint uidValidity, uint uid)
    {
        if (uidValidity != validity)
        {
            uids.Clear();
            validity = uidValidity;
        }

        uids.Add(uid);
    }
}
