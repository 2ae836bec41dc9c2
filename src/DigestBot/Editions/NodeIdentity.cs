namespace DigestBot.Editions;

/// <summary>
/// Names this process in claims and leases. A restarted process gets a new name, so it never mistakes a dead
/// predecessor's lease for its own and waits for it to run out like any other node would.
/// </summary>
public sealed class NodeIdentity
{
    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}
