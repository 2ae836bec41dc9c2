using System.Diagnostics;
using Npgsql;

namespace DigestBot.Tests.Support;

/// <summary>
/// A throw-away PostgreSQL cluster on 127.0.0.1 and a reserved port: initdb into a temp folder (as user postgres when the
/// tests run as root, since PostgreSQL refuses to run as root), started with pg_ctl, stopped by PID at the end.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string directory;
    private int databases;

    private PostgresServer(string directory, int port, int processId)
    {
        this.directory = directory;
        Port = port;
        ProcessId = processId;
    }

    public int Port { get; }

    public int ProcessId { get; }

    /// <summary>The newest installed PostgreSQL's bin folder, or null.</summary>
    public static string? BinDirectory { get; } = Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
        : null;

    public static string MissingMessage => "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin; .ci/run installs the postgresql package.";

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = BinDirectory ?? throw new InvalidOperationException(MissingMessage);
        var dir = Path.Combine(Path.GetTempPath(), "digestbot-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var data = Path.Combine(dir, "data");
        Directory.CreateDirectory(dir);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", $"postgres:postgres {dir}", asPostgres: false);
        }

        await RunAsync(Path.Combine(bin, "initdb"), $"-D {data} -U postgres --auth=trust -E UTF8 --locale=C --no-sync", asRoot);
        // PostgreSQL refuses port 0, so the port is reserved for it; it binds with SO_REUSEADDR, and pg_ctl -w returns
        // once the server accepts connections, when its own socket holds the port.
        int port;
        using (var reservation = PortReservation.Take())
        {
            port = reservation.Port;
            await RunAsync(Path.Combine(bin, "pg_ctl"),
                $"-D {data} -l {dir}/log -o \"-c listen_addresses=127.0.0.1 -p {port} -k {dir} -c fsync=off -c max_connections=200\" -w start", asRoot);
        }

        var pid = int.Parse((await File.ReadAllLinesAsync(Path.Combine(data, "postmaster.pid")))[0].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        return new PostgresServer(dir, port, pid);
    }

    /// <summary>Creates an empty database for one test and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"t{Interlocked.Increment(ref databases)}_{Guid.NewGuid().ToString("N")[..8]}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=20;Timeout=15";

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        // SIGINT is PostgreSQL's fast shutdown: sessions are closed, the cluster stops cleanly.
        await RunAsync("kill", $"-INT {ProcessId}", asPostgres: false, check: false);
        for (var i = 0; i < 100 && Directory.Exists($"/proc/{ProcessId}"); i++)
        {
            await Task.Delay(50);
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static async Task RunAsync(string file, string arguments, bool asPostgres, bool check = true)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
