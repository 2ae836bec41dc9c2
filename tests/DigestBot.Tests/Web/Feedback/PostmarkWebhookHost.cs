using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DigestBot.Feedback;
using DigestBot.Hosting;
using DigestBot.Tests.Support;
using DigestBot.Web.Feedback;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests.Web.Feedback;

/// <summary>The real worker (Kestrel on 127.0.0.1) with the Postmark webhook configured, and a client for it.</summary>
internal sealed class PostmarkWebhookHost : IAsyncDisposable
{
    public const string User = "postmark";
    public const string Password = "correct horse battery staple";

    private PostmarkWebhookHost(TestApp app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public TestApp App { get; }

    public HttpClient Client { get; }

    /// <param name="configured">False leaves Email:Webhooks:Postmark unset.</param>
    /// <param name="sink">The sink the host gets instead of its own; null leaves it none.</param>
    public static async Task<PostmarkWebhookHost> StartAsync(bool configured, IFeedbackSink? sink, CapturingLoggerProvider? logs = null)
    {
        var app = TestApp.Create(c =>
        {
            if (configured)
            {
                c["Email"]!["Webhooks"] = new JsonObject { ["Postmark"] = new JsonObject { ["User"] = User, ["Password"] = Password } };
            }
        });
        await app.StartAsync(HostMode.Worker, builder =>
        {
            // The host registers the bounce policy as its sink; these tests give their own, or none.
            builder.Services.RemoveAll<IFeedbackSink>();
            if (sink is not null)
            {
                builder.Services.AddSingleton(sink);
            }

            if (logs is not null)
            {
                builder.Logging.AddProvider(logs);
            }
        });
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/") };
        return new PostmarkWebhookHost(app, client);
    }

    public Task<HttpResponseMessage> PostAsync(string body, string? user = User, string? password = Password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, PostmarkWebhookEndpoints.Path.TrimStart('/'))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (user is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }

        return Client.SendAsync(request);
    }

    /// <summary>A webhook body as Postmark sends it.</summary>
    public static string Event(string recordType, long id, string type, int typeCode, string email) => new JsonObject
    {
        ["RecordType"] = recordType, ["ID"] = id, ["Type"] = type, ["TypeCode"] = typeCode, ["Name"] = type,
        ["MessageID"] = "883953f4-6105-42a2-a16a-77a8eac79483", ["ServerID"] = 23, ["MessageStream"] = "outbound",
        ["Description"] = "The server was unable to deliver your message (ex: unknown user, mailbox not found).",
        ["Details"] = "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
        ["Email"] = email, ["From"] = "digest@digestbot.test", ["BouncedAt"] = "2026-11-30T03:10:20.2735393-04:00",
        ["DumpAvailable"] = false, ["Inactive"] = true, ["CanActivate"] = true, ["Subject"] = "Test Daily",
        ["Metadata"] = new JsonObject { ["edition"] = "daily@20261130T070000Z" },
    }.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
