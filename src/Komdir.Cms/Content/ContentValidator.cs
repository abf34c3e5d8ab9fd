using System.Globalization;
using Komdir.Cms.ContentTypes;

namespace Komdir.Cms.Content;

/// <summary>Checks a node's name, segment and values against its document type, with Danish messages.</summary>
public static class ContentValidator
{
    /// <summary>Checks that hold for every save: formats and limits. Drafts may still lack required values.</summary>
    public static List<ContentError> ValidateForSave(DocumentType type, string name, string segment, IReadOnlyDictionary<string, object?> values)
    {
        var errors = new List<ContentError>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new("name", "Navnet skal udfyldes."));
        }
        else if (name.Length > 256)
        {
            errors.Add(new("name", "Navnet må højst være 256 tegn."));
        }

        if (!UrlSegments.IsValid(segment))
        {
            errors.Add(new("urlSegment", "URL-navnet må kun indeholde små bogstaver a-z, tal og bindestreger, fx \"lokaldemokrati\"."));
        }

        foreach (var alias in values.Keys)
        {
            if (type.FindProperty(alias) is null)
            {
                errors.Add(new(alias, $"Feltet \"{alias}\" findes ikke på dokumenttypen {type.Name}."));
            }
        }

        foreach (var property in type.Properties)
        {
            var value = values.GetValueOrDefault(property.Alias);
            if (ContentValues.IsEmpty(value))
            {
                continue;
            }

            switch (value)
            {
                case string text when property.MaxLength is { } max && text.Length > max:
                    errors.Add(new(property.Alias, $"{property.Label} må højst være {max.ToString(CultureInfo.GetCultureInfo("da-DK"))} tegn (nu {text.Length})."));
                    break;
                case IReadOnlyCollection<string> list when property.MaxLength is { } maxItems && list.Count > maxItems:
                    errors.Add(new(property.Alias, $"{property.Label} må højst have {maxItems} punkter."));
                    break;
                case int number when property.Minimum is { } min && number < min:
                    errors.Add(new(property.Alias, $"{property.Label} skal være mindst {min}."));
                    break;
                case int number when property.Maximum is { } max && number > max:
                    errors.Add(new(property.Alias, $"{property.Label} må højst være {max}."));
                    break;
            }
        }

        return errors;
    }

    /// <summary>Checks before publishing: everything required is filled in.</summary>
    public static List<ContentError> ValidateForPublish(DocumentType type, IReadOnlyDictionary<string, object?> values)
    {
        var errors = new List<ContentError>();
        foreach (var property in type.Properties.Where(p => p.Required))
        {
            if (ContentValues.IsEmpty(values.GetValueOrDefault(property.Alias)))
            {
                errors.Add(new(property.Alias, $"{property.Label} skal udfyldes, før siden kan udgives."));
            }
        }

        return errors;
    }
}
