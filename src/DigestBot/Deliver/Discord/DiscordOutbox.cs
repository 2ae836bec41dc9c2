using System.Text.Json;
using DigestBot.Render.Discord;

namespace DigestBot.Deliver.Discord;

/// <summary>
/// Discord destinations without a webhook or channel write each message to the outbox instead:
/// <c>&lt;edition&gt;/discord/&lt;destination&gt;-&lt;n&gt;.json</c> (n from 1), the exact body an execute-webhook
/// request would carry. Recorded in the Discord ledger like a posted message, so a re-run writes only what is missing.
/// </summary>
public sealed class DiscordOutbox(OutboxFolder folder)
{
    public string Folder(string editionId) => Path.Combine(folder.EditionFolder(editionId), "discord");

    public async Task<DiscordSendResult> WriteAsync(string editionId, string destination, int part, DiscordPayload payload, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(Folder(editionId), $"{OutboxFolder.FileName(destination)}-{part + 1}.json");
        var body = JsonSerializer.SerializeToUtf8Bytes(DiscordClient.WebhookBody(payload, threadId: null), DiscordClient.BodyJson);
        await folder.WriteAsync(path, body, cancellationToken);
        return new DiscordSendResult(DiscordSendOutcome.Posted, 200);
    }
}
