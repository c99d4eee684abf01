using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Klaviyo.OAuth.Guide.Redaction;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// Writes the upstream's successful /api/ answers as WireMock mapping files (one per method, path
/// and query; a later answer replaces an earlier one), for a later run to serve with
/// <c>--mappings</c> behind the emulator's OAuth. A mapping matches on method, path and query only:
/// no header, so no Authorization, cookie or token reaches it, and no query parameter named like a
/// secret. Each value kept (path, query values, body) is redacted by value (the request's
/// credentials wherever they are echoed) and by name (token-, secret- and code-named fields).
/// </summary>
internal sealed class MappingRecorder
{
    private static readonly JsonSerializerOptions MappingJson = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] SecretWords = ["token", "secret", "code", "key", "password", "verifier", "auth"];

    private readonly string _directory;

    public MappingRecorder(string directory)
    {
        _directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(_directory);
    }

    public void Record(EmulatorRequest request, EmulatorResponse response)
    {
        if (response.Status is < 200 or > 299)
        {
            return;
        }

        var redactor = Redactor(request);
        var query = (FormFields.TryParse(request.RawQuery, out _) ?? FormFields.Empty).Fields.Where(f => !SecretNamed(f.Key)).ToList();
        var mapping = new
        {
            Guid = Guid.NewGuid(),
            Title = $"Recorded {request.Method} {request.Path}",
            Request = new
            {
                Path = new { Matchers = new[] { new { Name = "ExactMatcher", Pattern = redactor.Redact(request.Path) } } },
                Methods = new[] { request.Method },
                Params = query.Count == 0
                    ? null
                    : query.Select(f => new { Name = f.Key, Matchers = new[] { new { Name = "ExactMatcher", Pattern = redactor.Redact(f.Value) } } }).ToArray(),
            },
            Response = new
            {
                StatusCode = response.Status,
                Headers = response.ContentType is null ? null : new Dictionary<string, string> { ["Content-Type"] = response.ContentType },
                Body = redactor.Redact(response.Body),
            },
        };

        File.WriteAllText(Path.Combine(_directory, FileName(request)), JsonSerializer.Serialize(mapping, MappingJson), EmulatorResponse.Utf8);
    }

    // Everything the request carried that could be a credential, in whatever form the answer echoes it.
    private static SecretRedactor Redactor(EmulatorRequest request)
    {
        var redactor = new SecretRedactor();
        foreach (var header in request.HeaderValues("Authorization").Concat(request.HeaderValues("Cookie")))
        {
            redactor.Register(header);
            foreach (var part in header.Split([' ', ';', '='], StringSplitOptions.RemoveEmptyEntries))
            {
                redactor.Register(part);
            }
        }

        return redactor;
    }

    // A query parameter so named is left out of the mapping whatever its value: a replay needs no secret to match.
    private static bool SecretNamed(string name) => SecretWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static string FileName(EmulatorRequest request)
    {
        var path = new string([.. request.Path.Trim('/').Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        var query = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.RawQuery)))[..8];
        return $"{request.Method.ToLowerInvariant()}-{path}-{query}.json";
    }
}
