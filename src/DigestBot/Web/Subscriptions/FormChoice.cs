namespace DigestBot.Web.Subscriptions;

/// <summary>One checkbox of a subscription form: the id posted, the title shown, whether it starts ticked, and a line of detail (a digest's schedule).</summary>
public sealed record FormChoice(string Id, string Title, bool Checked, string? Detail = null);
