using Microsoft.Extensions.Primitives;
using RazorLight;
using RazorLight.Caching;

namespace DigestBot.Render.Templates;

/// <summary>
/// RazorLight's template cache, filled with every template of a compiled assembly before the first render. RazorLight
/// looks a template up here by the name it is given (<c>Digest.cshtml</c>, a layout's <c>pages/_Layout.cshtml</c>) and
/// only compiles on a miss, which <see cref="PrecompiledOnlyCompiler"/> turns into "no such template".
/// </summary>
internal sealed class PrecompiledTemplates : ICachingProvider
{
    private readonly Dictionary<string, TemplateCacheItem> items = new(StringComparer.Ordinal);

    public PrecompiledTemplates(IReadOnlyDictionary<string, Type> types)
    {
        foreach (var (key, type) in types)
        {
            var item = new TemplateCacheItem(key, () => Create(key, type));
            items[key] = item;
            items[key.TrimStart('/')] = item; // the names the renderers and templates use, found without building a string per render
        }
    }

    public TemplateCacheLookupResult RetrieveTemplate(string key) =>
        items.TryGetValue(key, out var item) || items.TryGetValue(TemplateSources.Normalize(key), out item) ? new(item) : new();

    public bool Contains(string key) => RetrieveTemplate(key).Success;

    // Nothing is compiled while rendering, so nothing is ever added or removed.
    public void CacheTemplate(string key, Func<ITemplatePage> pageFactory, IChangeToken expirationToken)
    {
    }

    public void Remove(string key)
    {
    }

    private static ITemplatePage Create(string key, Type type)
    {
        var page = (ITemplatePage)Activator.CreateInstance(type)!;
        page.Key = key;
        return page;
    }
}
