namespace DigestBot.Web.Subscriptions;

/// <summary>One checkbox of a subscription form: the id posted, the title shown, whether it starts ticked.</summary>
public sealed record FormChoice(string Id, string Title, bool Checked);
