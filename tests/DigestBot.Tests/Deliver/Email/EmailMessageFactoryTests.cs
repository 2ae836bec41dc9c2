using DigestBot.Deliver.Email;
using DigestBot.Model;
using DigestBot.Render.Email;
using DigestBot.Tests.Support;
using MimeKit;
using static DigestBot.Tests.Deliver.Email.EmailTestKit;

namespace DigestBot.Tests.Deliver.Email;

/// <summary>Messages made by the factory, written out and read back as a mail reader gets them.</summary>
public sealed class EmailMessageFactoryTests : IAsyncLifetime
{
    public static readonly string[] DigestFields =
        ["From", "Date", "Subject", "Message-Id", "To", "List-Id", "List-Unsubscribe", "List-Unsubscribe-Post", "Precedence", "MIME-Version"];

    public static readonly string[] ConfirmationFields = ["From", "Date", "Subject", "Message-Id", "To", "MIME-Version"];

    private TestApp app = null!;

    public async Task InitializeAsync() => app = await StartAppAsync(edit: c => c["Email"]!["FromName"] = HostileText.FromName);

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Create_hostileTitlesNamesAndFromName_noHeaderDecodesToControlCharactersOrExtraHeaders()
    {
        var messages = app.Get<EmailMessageFactory>();
        var renderer = app.Get<EmailRenderer>();
        var produced = new List<MimeMessage>();
        for (var i = 0; i < HostileText.All.Count; i++)
        {
            var digest = Digest($"daily@f{i}", HostileText.All[i], Space(title: HostileText.All[(i + 1) % HostileText.All.Count]));
            var reader = new Subscriber($"reader{i}@example.org", HostileText.All[(i + 2) % HostileText.All.Count], [], [], SubscriberStatus.Active);
            var variant = await renderer.RenderForSendingAsync(messages.VariantModel(digest, digest.Sections, named: true, timeZone: null));
            produced.Add(RoundTrip(messages.Create(digest, reader, messages.Personalize(variant, reader))));
            produced.Add(RoundTrip(messages.Create(digest, reader, messages.Encode(digest, variant))));
        }

        Assert.All(produced, m => Assert.Empty(HeaderInspection.Problems(m, DigestFields)));
        // Readers show the text the feed wrote, not what it encoded.
        Assert.StartsWith(HostileText.QuotedPrintableCrLf + ": " + HostileText.Base64CrLf, produced[0].Subject, StringComparison.Ordinal);
        Assert.Equal(HostileText.QuotedPrintableCrLf + " <daily.digestbot.test>", produced[1].Headers["List-Id"]);
        Assert.Equal(HostileText.NulDelNel, Assert.IsType<MailboxAddress>(Assert.Single(produced[1].To)).Name);
        Assert.Equal($"Bot {HostileText.Base64CrLf} {HostileText.NulDelNel}", Assert.IsType<MailboxAddress>(Assert.Single(produced[1].From)).Name);
    }

    [Fact]
    public async Task CreateConfirmation_hostileNameAndFromName_noHeaderDecodesToControlCharactersOrExtraHeaders()
    {
        var messages = app.Get<EmailMessageFactory>();
        var renderer = app.Get<EmailRenderer>();
        var produced = new List<MimeMessage>();
        foreach (var name in HostileText.All)
        {
            var reader = new Subscriber("new@example.org", name, [], [], SubscriberStatus.Pending);
            var rendered = await renderer.RenderConfirmAsync(new ConfirmModel(HostileText.FromName, name, "http://digestbot.test/confirm", "1 Test Street", HostileText.FromName));
            produced.Add(RoundTrip(messages.CreateConfirmation(reader, rendered)));
        }

        Assert.All(produced, m => Assert.Empty(HeaderInspection.Problems(m, ConfirmationFields)));
        Assert.Equal(HostileText.QuotedPrintableCrLf, Assert.IsType<MailboxAddress>(Assert.Single(produced[0].To)).Name);
    }

    [Fact]
    public void Create_randomTextMadeOfEncodedWordPieces_noHeaderDecodesToControlCharactersOrExtraHeaders()
    {
        string[] pieces = ["=?", "utf-8", "iso-8859-1", "?q?", "?B?", "=0D", "=0A", "=00", "=C2=85", "DQo=", "?=", " ", "\"", "\\", "é", "\r\n", "_", "<", "x"];
        var random = new Random(11);
        string Text() => string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => pieces[random.Next(pieces.Length)]));
        var messages = app.Get<EmailMessageFactory>();
        var failures = new List<string>();
        for (var run = 0; run < 300; run++)
        {
            var digest = Digest($"daily@r{run}", Text());
            var reader = new Subscriber("r@example.org", Text(), [], [], SubscriberStatus.Active);
            var message = RoundTrip(messages.Create(digest, reader, new RenderedEmail(Text(), "<p>x</p>", "x")));
            failures.AddRange(HeaderInspection.Problems(message, DigestFields).Select(p => $"{HeaderInspection.Visible(digest.Title)} / {HeaderInspection.Visible(reader.Name!)}: {p}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(6)));
    }

    private static MimeMessage RoundTrip(MimeMessage message)
    {
        using var written = new MemoryStream();
        using (message)
        {
            message.WriteTo(FormatOptions.Default, written);
        }

        written.Position = 0;
        return MimeMessage.Load(written);
    }
}
