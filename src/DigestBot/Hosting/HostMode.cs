namespace DigestBot.Hosting;

public enum HostMode
{
    /// <summary>The long-running worker: scheduler and web endpoints.</summary>
    Worker,

    /// <summary>A one-shot CLI verb: services only, no scheduler, no listener.</summary>
    Command,
}
