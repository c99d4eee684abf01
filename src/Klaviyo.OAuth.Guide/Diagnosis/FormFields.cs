namespace Klaviyo.OAuth.Guide.Diagnosis;

/// <summary>application/x-www-form-urlencoded fields (body or query), leniently: a diagnosis reads what was sent, even malformed.</summary>
internal sealed class FormFields
{
    private readonly List<KeyValuePair<string, string>> fields = [];

    private FormFields()
    {
    }

    public static FormFields Parse(string text)
    {
        var form = new FormFields();
        foreach (var pair in text.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            form.fields.Add(KeyValuePair.Create(Decode(name), Decode(value)));
        }

        return form;
    }

    /// <summary>The first value of the field, or null when absent.</summary>
    public string? this[string name] => fields.FirstOrDefault(f => f.Key == name) is { Key: not null } found ? found.Value : null;

    public bool Has(string name) => fields.Any(f => f.Key == name);

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}
