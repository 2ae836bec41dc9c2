using DigestBot.Cli;
using DigestBot.Model;

namespace DigestBot.Tests.Cli;

public sealed class SubscriberCsvTests
{
    [Fact]
    public void Parse_quotedFieldsListsAndBadRows_importsGoodRowsAndReportsBadOnes()
    {
        const string csv = "Email,Name,Sections,Time Zone,Status\r\n" +
            "ada@example.org,\"Lovelace, Ada\",space;energy,Europe/London,\r\n" +
            "\"bob@example.org\",\"Bob \"\"The Builder\"\"\",,,pending\n" +
            "not-an-address,Nobody,,,\n" +
            "eve@example.org,Eve,,,sleeping\n" +
            "\n" +
            "cy@example.org,Cy,\"space, milspace\",,Active";

        var (subscribers, errors) = SubscriberCsv.Parse(new StringReader(csv));

        Assert.Equal(["ada@example.org", "bob@example.org", "cy@example.org"], subscribers.Select(s => s.Email));
        Assert.Equal("Lovelace, Ada", subscribers[0].Name);
        Assert.Equal(["space", "energy"], subscribers[0].Sections);
        Assert.Equal("Europe/London", subscribers[0].TimeZone);
        Assert.Equal(SubscriberStatus.Active, subscribers[0].Status);
        Assert.Equal("Bob \"The Builder\"", subscribers[1].Name);
        Assert.Equal(SubscriberStatus.Pending, subscribers[1].Status);
        Assert.Equal(["space", "milspace"], subscribers[2].Sections);
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("row 4:", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("row 5:", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_noEmailColumn_reportsTheHeader()
    {
        var (subscribers, errors) = SubscriberCsv.Parse(new StringReader("name,sections\nAda,space\n"));

        Assert.Empty(subscribers);
        Assert.Equal(["line 1: the header has no 'email' column"], errors);
    }
}
