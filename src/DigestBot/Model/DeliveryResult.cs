namespace DigestBot.Model;

/// <summary>What a delivery channel did for one edition.</summary>
public sealed record DeliveryResult(string Channel, int Sent, int Failed, int Skipped)
{
    public static DeliveryResult Nothing(string channel) => new(channel, 0, 0, 0);
}
