using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigestBot.Render.Templates;

public static class TemplateRegistration
{
    /// <summary>The templates, loaded on first use; <paramref name="reload"/> (the worker) puts edited templates in force while it runs.</summary>
    public static IHostApplicationBuilder AddTemplates(this IHostApplicationBuilder builder, bool reload)
    {
        builder.Services.AddSingleton<TemplateLibrary>();
        if (reload)
        {
            builder.Services.AddHostedService<TemplateReloader>();
        }

        return builder;
    }
}
