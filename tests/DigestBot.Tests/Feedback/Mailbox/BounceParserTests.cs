using System.Text;
using DigestBot.Feedback.Mailbox;
using MimeKit;

namespace DigestBot.Tests.Feedback.Mailbox;

public sealed class BounceParserTests
{
    [Theory]
    [MemberData(nameof(BounceFixtures.Names), MemberType = typeof(BounceFixtures))]
    public async Task ParseAsync_fixture_yieldsTheTablesReports(string fixture)
    {
        var expected = BounceFixtures.Table[fixture];
        await using var stream = File.OpenRead(BounceFixtures.PathOf(fixture));

        var parsed = await BounceParser.ParseAsync(stream);

        Assert.True(expected.Verdict == parsed.Verdict, $"{fixture}: expected {expected.Verdict}, got {parsed.Verdict} ({parsed.Reason})");
        var actual = parsed.Reports.Select(r => new BounceFixtures.ExpectedReport(r.Kind, r.Recipient!, r.ReturnPath!, r.OriginalMessageId!, r.Status)).ToList();
        Assert.Equal(expected.Reports, actual);
        Assert.All(parsed.Reports, r => Assert.Equal(BounceParser.Source, r.Source));
    }

    [Fact]
    public void Table_coversEveryFixtureFile()
    {
        var files = Directory.EnumerateFiles(BounceFixtures.Folder, "*.eml").Select(f => Path.GetFileName(f)).Order().ToList();

        Assert.Equal(BounceFixtures.Table.Keys.Order().ToList(), files);
    }

    [Fact]
    public void Parse_bounceWithDiagnostic_keepsTheRemoteServersWordsOnOneLine()
    {
        var parsed = BounceParser.Parse(BounceFixtures.Load("postfix-hard.eml"));

        Assert.Equal(
            "550 5.1.1 <gone.reader@example.net>: Recipient address rejected: User unknown in virtual mailbox table",
            Assert.Single(parsed.Reports).Diagnostic);
    }

    [Fact]
    public void Parse_hugeMessageThatIsNoReport_isUnreadable()
    {
        var body = new StringBuilder();
        while (body.Length < 8 * 1024 * 1024)
        {
            body.Append("A long line of a message that is no bounce at all, repeated to make it large. reader@example.net\n");
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("someone@example.com"));
        message.To.Add(MailboxAddress.Parse("bounces@news.example.org"));
        message.Subject = "Re: Your daily digest";
        message.Body = new TextPart("plain") { Text = body.ToString() };

        var parsed = BounceParser.Parse(message);

        Assert.Equal(MailVerdict.Unreadable, parsed.Verdict);
    }
}
