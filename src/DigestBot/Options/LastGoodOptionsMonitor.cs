using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace DigestBot.Options;

/// <summary>
/// An options monitor that survives a bad edit of appsettings.json while the worker runs: the edit is rejected with a logged
/// error naming the failing keys, readers keep the last valid value, and listeners (the schedule) are not told of it.
/// The stock monitor instead drops its cached value, so every later read would throw until the file is fixed.
/// Start-up is unchanged: the first read of an invalid configuration still throws, so the host refuses to start.
/// </summary>
internal sealed class LastGoodOptionsMonitor<T> : IOptionsMonitor<T>, IDisposable
    where T : class
{
    private readonly IOptionsFactory<T> factory;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<string, T> current = new(StringComparer.Ordinal);
    private readonly List<IDisposable> registrations = [];
    private event Action<T, string?>? Changed;

    public LastGoodOptionsMonitor(IOptionsFactory<T> factory, IEnumerable<IOptionsChangeTokenSource<T>> sources, ILogger<LastGoodOptionsMonitor<T>> logger)
    {
        this.factory = factory;
        this.logger = logger;
        foreach (var source in sources)
        {
            registrations.Add(ChangeToken.OnChange(source.GetChangeToken, () => Reload(source.Name ?? Microsoft.Extensions.Options.Options.DefaultName)));
        }
    }

    public T CurrentValue => Get(Microsoft.Extensions.Options.Options.DefaultName);

    public T Get(string? name) => current.GetOrAdd(name ?? Microsoft.Extensions.Options.Options.DefaultName, factory.Create);

    public IDisposable OnChange(Action<T, string?> listener)
    {
        Changed += listener;
        return new Unsubscriber(() => Changed -= listener);
    }

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }
    }

    private void Reload(string name)
    {
        T fresh;
        try
        {
            fresh = factory.Create(name);
        }
        catch (OptionsValidationException ex)
        {
            ConfigurationChangeLog.Rejected(logger, typeof(T).Name, string.Join(" | ", ex.Failures));
            return;
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            // A value that does not even bind (e.g. text where a number belongs).
            ConfigurationChangeLog.Rejected(logger, typeof(T).Name, ex.Message);
            return;
        }

        current[name] = fresh;
        ConfigurationChangeLog.Applied(logger, typeof(T).Name);
        Changed?.Invoke(fresh, name);
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
