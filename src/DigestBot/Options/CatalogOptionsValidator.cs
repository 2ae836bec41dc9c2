using Microsoft.Extensions.Options;
using Quartz;

namespace DigestBot.Options;

/// <summary>
/// Checks every section, source and digest, and the references between them, so that a mistake in
/// appsettings.json stops start-up with the key that is wrong instead of failing at 07:00.
/// </summary>
internal sealed class CatalogOptionsValidator(IOptionsMonitor<DiscordOptions> discord) : IValidateOptions<CatalogOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogOptions options)
    {
        var errors = new List<string>();
        if (options.Sections.Count == 0)
        {
            errors.Add("Sections: at least one section is required (e.g. \"Sections\": { \"space\": { \"Title\": \"Space News\" } }).");
        }

        errors.AddRange(AnnotationValidator.Validate(options, "").Select(e => e.TrimStart(':')));

        foreach (var (id, source) in options.Sources)
        {
            if (!string.IsNullOrEmpty(source.Section) && !options.Sections.ContainsKey(source.Section))
            {
                errors.Add($"Sources:{id}:Section: '{source.Section}' is not a section id; known sections: {Known(options.Sections.Keys)}.");
            }

            if (Uri.TryCreate(source.Url, UriKind.Absolute, out var uri) && !uri.IsFile && uri.Scheme is not ("http" or "https"))
            {
                errors.Add($"Sources:{id}:Url: scheme '{uri.Scheme}' is not supported; use http(s) or a file path.");
            }
        }

        var destinations = discord.CurrentValue.Destinations;
        foreach (var (id, digest) in options.Digests)
        {
            var key = $"Digests:{id}";
            if (!string.IsNullOrEmpty(digest.Cron) && !CronExpression.TryParse(digest.Cron, out _))
            {
                errors.Add($"{key}:Cron: '{digest.Cron}' is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. \"0 0 7 * * ?\").");
            }
            else if (!string.IsNullOrEmpty(digest.Cron) && new CronExpression(digest.Cron).GetNextValidTimeAfter(DateTimeOffset.UtcNow) is null)
            {
                // Quartz refuses such a trigger when scheduling; catching it here keeps the previous schedule on a hot reload.
                errors.Add($"{key}:Cron: '{digest.Cron}' never fires (e.g. 30 February or a year in the past).");
            }

            errors.AddRange(DeliveryErrors(key, digest));

            if (TimeZones.TryFind(digest.TimeZone) is null)
            {
                errors.Add($"{key}:TimeZone: '{digest.TimeZone}' is not a known time zone id (e.g. \"Europe/London\", \"America/New_York\", \"UTC\").");
            }

            foreach (var sectionId in digest.Sections.Where(s => !options.Sections.ContainsKey(s)))
            {
                errors.Add($"{key}:Sections: '{sectionId}' is not a section id; known sections: {Known(options.Sections.Keys)}.");
            }

            foreach (var destination in digest.Discord.Where(d => !destinations.ContainsKey(d)))
            {
                errors.Add($"{key}:Discord: '{destination}' is not a destination under Discord:Destinations; known: {Known(destinations.Keys)}.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static IEnumerable<string> DeliveryErrors(string key, DigestOptions digest)
    {
        if (digest.Delivery == DeliveryMode.LocalTime && !string.IsNullOrEmpty(digest.Cron) && CronTimeOfDay.TryRead(digest.Cron) is null)
        {
            yield return $"{key}:Cron: '{digest.Cron}' does not name one time of day, which Delivery LocalTime needs (seconds, minutes and hours as single numbers, e.g. \"0 0 7 * * ?\" or \"0 0 8 ? * MON\").";
        }

        if (digest.AllowReaderHour && digest.Delivery != DeliveryMode.LocalTime)
        {
            yield return $"{key}:AllowReaderHour: a reader's own hour applies only with \"Delivery\": \"LocalTime\".";
        }
    }

    private static string Known(IEnumerable<string> keys)
    {
        var list = string.Join(", ", keys);
        return list.Length == 0 ? "(none)" : list;
    }
}
