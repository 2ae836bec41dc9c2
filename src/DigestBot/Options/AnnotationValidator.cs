using System.Collections;
using System.ComponentModel.DataAnnotations;

namespace DigestBot.Options;

/// <summary>
/// Runs DataAnnotations on a bound options object and on the items of its lists and dictionaries, reporting each failure
/// with its configuration key (e.g. <c>Email:Subscribers:2:Email</c>) so an admin knows exactly what to fix.
/// </summary>
internal static class AnnotationValidator
{
    public static IEnumerable<string> Validate(object value, string keyPath)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var member = result.MemberNames.FirstOrDefault();
            yield return $"{(member is null ? keyPath : $"{keyPath}:{member}")}: {result.ErrorMessage}";
        }

        foreach (var property in value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            var child = property.GetValue(value);
            var childPath = $"{keyPath}:{property.Name}";
            IEnumerable<string> nested = child switch
            {
                IDictionary dictionary => ValidateDictionary(dictionary, childPath),
                IEnumerable list and not string => ValidateList(list, childPath),
                { } options when IsOptionsObject(options) && !options.GetType().IsEnum => Validate(options, childPath),
                _ => [],
            };
            foreach (var error in nested)
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<string> ValidateDictionary(IDictionary dictionary, string keyPath)
    {
        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Value is { } item && IsOptionsObject(item))
            {
                foreach (var error in Validate(item, $"{keyPath}:{entry.Key}"))
                {
                    yield return error;
                }
            }
        }
    }

    private static IEnumerable<string> ValidateList(IEnumerable list, string keyPath)
    {
        var index = 0;
        foreach (var item in list)
        {
            if (item is not null && IsOptionsObject(item))
            {
                foreach (var error in Validate(item, $"{keyPath}:{index}"))
                {
                    yield return error;
                }
            }

            index++;
        }
    }

    private static bool IsOptionsObject(object item) => item.GetType().Namespace == typeof(AnnotationValidator).Namespace;
}
