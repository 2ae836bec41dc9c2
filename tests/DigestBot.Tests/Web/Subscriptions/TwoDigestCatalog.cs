using System.Text.Json.Nodes;

namespace DigestBot.Tests.Web.Subscriptions;

/// <summary>The catalogue the subscription page tests share: two sections, a daily reading both and a weekly reading one.</summary>
internal static class TwoDigestCatalog
{
    public static void Apply(JsonNode config, string weeklyTitle = "Weekly roundup")
    {
        config["Sections"]!["energy"] = new JsonObject { ["Title"] = "Energy News", ["TopN"] = 3 };
        config["Digests"]!["daily"]!["Sections"] = new JsonArray("space", "energy");
        config["Digests"]!["weekly"] = new JsonObject
        {
            ["Title"] = weeklyTitle, ["Cron"] = "0 0 8 ? * MON", ["TimeZone"] = "Europe/London",
            ["Sections"] = new JsonArray("space"), ["Email"] = true, ["Discord"] = new JsonArray(),
        };
    }
}
