using System.Text.Json.Nodes;

namespace DigestBot.Tests.Support;

/// <summary>A message the fake Discord stored: where it was sent, and the channel (or thread) it landed in.</summary>
public sealed record ReceivedDiscordMessage(string Target, string Id, JsonObject Body, string Query, string ChannelId, string? ThreadName, DateTimeOffset At);
