using System.Globalization;
using DigestBot.Model;
using DigestBot.Tests.Editions;

namespace DigestBot.Tests.Scheduling;

/// <summary>
/// Readers spread over 26 time zones (and none: the digest's own, Europe/London) for a digest delivered at 07:00 local
/// time that lets readers choose their hour. One reader in ten chooses an hour, among them 01:00 and 02:00, which
/// Europe's spring-forward skips on 29 March 2026 in London and Berlin respectively.
/// </summary>
public static class LocalTimeReaders
{
    public const string DigestZone = "Europe/London";
    public static readonly TimeOnly DigestTime = new(7, 0);

    public static readonly string?[] Zones =
    [
        null, "UTC", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "America/St_Johns",
        "America/Santiago", "America/Sao_Paulo", "America/Denver", "Pacific/Honolulu", "Pacific/Pago_Pago", "Asia/Kolkata",
        "Asia/Kathmandu", "Asia/Tokyo", "Asia/Shanghai", "Asia/Dubai", "Asia/Tehran", "Africa/Lagos", "Australia/Adelaide",
        "Australia/Sydney", "Australia/Lord_Howe", "Australia/Eucla", "Pacific/Chatham", "Pacific/Auckland", "Pacific/Kiritimati",
        "Asia/Singapore",
    ];

    private static readonly int[] ChosenHours = [1, 2, 5, 6, 8, 10];

    public static List<Subscriber> Create(int count) =>
        Enumerable.Range(0, count).Select(i => new Subscriber(
            $"reader{i.ToString("D5", CultureInfo.InvariantCulture)}@example.org", null, [], [], SubscriberStatus.Active, Zones[i % Zones.Length])
        {
            DeliveryHour = i % 10 == 3 ? ChosenHours[i / 10 % ChosenHours.Length] : null,
        }).ToList();

    /// <summary>When the reader's copy of the edition dated <paramref name="date"/> is due, by the wall-clock definition.</summary>
    public static DateTimeOffset Due(Subscriber reader, DateOnly date)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(reader.TimeZone ?? DigestZone);
        var time = reader.DeliveryHour is { } hour ? new TimeOnly(hour, 0) : DigestTime;
        return WallClock.FirstInstantShowing(date.ToDateTime(time), zone);
    }

    public static string ZoneName(Subscriber reader) => reader.TimeZone ?? $"(none: {DigestZone})";
}
