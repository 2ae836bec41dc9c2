using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace DigestBot.Tests.Support;

/// <summary>
/// Headless Chromium driven over the DevTools protocol: opens one page, runs script in it as a reader's clicks would
/// (fill a form, press a button) and reads the result. The browser runs in the given time zone (TZ), so a page's
/// Intl-based script sees that zone. Requires the chromium package (<see cref="HeadlessChromium"/>).
/// </summary>
public sealed class ChromiumSession : IAsyncDisposable
{
    private readonly Process process;
    private readonly DirectoryInfo profile;
    private readonly ClientWebSocket socket = new();
    private int nextId;

    private ChromiumSession(Process process, DirectoryInfo profile)
    {
        this.process = process;
        this.profile = profile;
    }

    public static async Task<ChromiumSession> OpenAsync(Uri url, string timeZone)
    {
        var profile = Directory.CreateTempSubdirectory("digestbot-chromium-");
        string[] arguments =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={profile.FullName}",
            "--remote-debugging-port=0", "--remote-allow-origins=*", url.AbsoluteUri,
        ];
        var info = ChildProcess.StartInfo(HeadlessChromium.Binary, arguments, profile.FullName, new Dictionary<string, string> { ["TZ"] = timeZone });
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var session = new ChromiumSession(process, profile);
        try
        {
            var portFile = Path.Combine(profile.FullName, "DevToolsActivePort");
            await Poll.UntilAsync(() => File.Exists(portFile) && File.ReadAllLines(portFile).Length >= 2, TimeSpan.FromSeconds(30), "Chromium never opened its DevTools port");
            var port = File.ReadAllLines(portFile)[0];
            using var http = new HttpClient();
            string? target = null;
            await Poll.UntilAsync(async () =>
            {
                var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
                target = targets.FirstOrDefault(t => t!["type"]!.GetValue<string>() == "page")?["webSocketDebuggerUrl"]?.GetValue<string>();
                return target is not null;
            }, TimeSpan.FromSeconds(30), "Chromium opened no page");
            await session.socket.ConnectAsync(new Uri(target!), CancellationToken.None);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>The value of a JavaScript expression in the page (awaited when it is a promise).</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var id = ++nextId;
        var command = new JsonObject
        {
            ["id"] = id, ["method"] = "Runtime.evaluate",
            ["params"] = new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true },
        };
        await socket.SendAsync(Encoding.UTF8.GetBytes(command.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        while (true)
        {
            var reply = await ReceiveAsync();
            if (reply?["id"]?.GetValue<int>() != id)
            {
                continue;
            }

            if (reply["result"]?["exceptionDetails"] is { } error)
            {
                throw new InvalidOperationException($"Script failed in the page: {error.ToJsonString()}");
            }

            return reply["result"]?["result"]?["value"];
        }
    }

    /// <summary>Waits until the expression is true in the page (for instance after a navigation).</summary>
    public Task WaitForAsync(string expression, string what) => Poll.UntilAsync(async () =>
    {
        try
        {
            return (await EvaluateAsync(expression))?.GetValue<bool>() == true;
        }
        catch (InvalidOperationException)
        {
            // The page is being replaced by the next one.
            return false;
        }
    }, TimeSpan.FromSeconds(30), what);

    private async Task<JsonNode?> ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(message.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        socket.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            profile.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
