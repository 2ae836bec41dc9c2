using DigestBot.Options;
using DigestBot.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Web.Status;

public static class StatusRegistration
{
    public static IHostApplicationBuilder AddStatus(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StatusOptions>().BindConfiguration(StatusOptions.SectionName).ValidatedAtStart(StatusOptions.SectionName)
            .Validate(o => string.IsNullOrEmpty(o.Username) == string.IsNullOrEmpty(o.Password),
                "Web:Status: set both Username and Password (basic auth for the status page), or neither.");
        builder.Services.AddSingleton<StatusQueries>();
        builder.Services.AddSingleton<StatusService>();
        return builder;
    }
}
