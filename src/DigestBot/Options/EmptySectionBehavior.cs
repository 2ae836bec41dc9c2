namespace DigestBot.Options;

/// <summary>What a digest shows for a section that has nothing new since the last edition.</summary>
public enum EmptySectionBehavior
{
    /// <summary>Leave the section out of the edition.</summary>
    Skip,

    /// <summary>Keep the section, with a line saying there is nothing new.</summary>
    SaySo,
}
