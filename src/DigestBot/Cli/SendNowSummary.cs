using DigestBot.Model;
using DigestBot.Pipeline;

namespace DigestBot.Cli;

/// <summary>
/// The lines <c>send-now</c> ends with. The email line counts what this run's batches did, as their log lines do
/// (event 5002: sent, failed, and skipped: subscribers with nothing to read in this edition); when earlier runs or other
/// nodes sent part of the edition, the whole edition's ledger counts follow on a line of their own.
/// </summary>
internal static class SendNowSummary
{
    public static IEnumerable<string> Lines(EditionOutcome outcome)
    {
        yield return $"Edition {outcome.EditionId}: {outcome.Status.ToText()}, {Plural.Of(outcome.Digest?.ArticleCount ?? 0, "article")}";
        foreach (var delivery in outcome.Deliveries)
        {
            yield return delivery.Channel == "discord" ? "  discord: " + Discord(delivery) : $"  {delivery.Channel}: " + Email(delivery);
            if (delivery.Channel == "email" && outcome.Totals is { } totals && (totals.EmailsSent, totals.EmailsFailed) != (delivery.Sent, delivery.Failed))
            {
                yield return $"  email, whole edition: {Plural.Of(totals.EmailsSent, "email")} sent, {totals.EmailsFailed} failed (earlier runs and other nodes included)";
            }
        }
    }

    private static string Email(DeliveryResult email) =>
        $"{Plural.Of(email.Sent, "email")} sent, {email.Failed} failed, {email.Skipped} skipped (nothing to read in this edition)";

    private static string Discord(DeliveryResult discord) =>
        $"{Plural.Of(discord.Sent, "message")} posted, {discord.Failed} failed, {Plural.Of(discord.Skipped, "destination")} skipped";
}
