namespace DigestBot.Render.Pages;

/// <summary>What the shared page layout needs from every page: its title, shown in the tab and as the page's heading.</summary>
public abstract record PageModel(string Title);
