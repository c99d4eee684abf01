using System.Text.Json;

namespace Klaviyo.OAuth.Conformance.Specs.Runner.Tests;

/// <summary>Just enough of a Cucumber messages file to ask what happened to a named scenario.</summary>
public sealed class CucumberMessages
{
    private static readonly string[] Severity = ["PASSED", "SKIPPED", "PENDING", "UNDEFINED", "AMBIGUOUS", "FAILED"];
    private readonly Dictionary<string, string> _pickleIdByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pickleIdByTestCase = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _testCaseByStarted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _statusesByPickle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _tagsByName = new(StringComparer.Ordinal);

    public int PickleCount { get; private set; }

    public static CucumberMessages Read(string path)
    {
        var messages = new CucumberMessages();
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var envelope = JsonDocument.Parse(line);
            messages.Add(envelope.RootElement);
        }

        return messages;
    }

    /// <summary>The statuses of the named scenario's steps, in the order they finished.</summary>
    public IReadOnlyList<string> StatusesOf(string scenarioName) => _statusesByPickle.GetValueOrDefault(_pickleIdByName[scenarioName]) ?? [];

    public IReadOnlyList<string> TagsOf(string scenarioName) => _tagsByName.GetValueOrDefault(scenarioName) ?? [];

    public string StatusOf(string scenarioName)
    {
        var statuses = _statusesByPickle.GetValueOrDefault(_pickleIdByName[scenarioName]) ?? [];
        return statuses.Count == 0 ? "NONE" : statuses.MaxBy(s => Array.IndexOf(Severity, s))!;
    }

    private void Add(JsonElement envelope)
    {
        if (envelope.TryGetProperty("pickle", out var pickle))
        {
            _pickleIdByName[pickle.GetProperty("name").GetString()!] = pickle.GetProperty("id").GetString()!;
            _tagsByName[pickle.GetProperty("name").GetString()!] = [.. pickle.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()!)];
            PickleCount++;
        }
        else if (envelope.TryGetProperty("testCase", out var testCase))
        {
            _pickleIdByTestCase[testCase.GetProperty("id").GetString()!] = testCase.GetProperty("pickleId").GetString()!;
        }
        else if (envelope.TryGetProperty("testCaseStarted", out var started))
        {
            _testCaseByStarted[started.GetProperty("id").GetString()!] = started.GetProperty("testCaseId").GetString()!;
        }
        else if (envelope.TryGetProperty("testStepFinished", out var finished))
        {
            var pickleId = _pickleIdByTestCase[_testCaseByStarted[finished.GetProperty("testCaseStartedId").GetString()!]];
            var status = finished.GetProperty("testStepResult").GetProperty("status").GetString()!;
            if (!_statusesByPickle.TryGetValue(pickleId, out var statuses))
            {
                _statusesByPickle[pickleId] = statuses = [];
            }

            statuses.Add(status);
        }
    }
}
