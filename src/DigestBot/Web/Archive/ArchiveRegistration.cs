using DigestBot.Options;
using DigestBot.Render.Archive;
using DigestBot.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Web.Archive;

public static class ArchiveRegistration
{
    /// <summary>The archive's options and services; the pipeline uses <see cref="ArchiveLinks"/> in every mode, so this is not worker-only.</summary>
    public static IHostApplicationBuilder AddArchive(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ArchiveOptions>().BindConfiguration(ArchiveOptions.SectionName).ValidatedAtStart(ArchiveOptions.SectionName);
        builder.Services.AddSingleton<ArchiveQueries>();
        builder.Services.AddSingleton<ArchiveLinks>();
        builder.Services.AddSingleton<ArchivePages>();
        builder.Services.AddSingleton<ArchiveSite>();
        return builder;
    }
}
