using System.Text;
using Klaviyo.OAuth.Conformance.Reporting.Drift;
using Klaviyo.OAuth.Conformance.Suite.Drivers;
using Reqnroll;
using Reqnroll.BoDi;
using Reqnroll.Events;

namespace Klaviyo.OAuth.Conformance.Suite.Support;

/// <summary>
/// After each scenario that sent requests to the target, attaches what the target answered (status,
/// error code, field names, media type, Retry-After and WWW-Authenticate, token shape: never a value)
/// to the scenario in the Cucumber messages, where the reports and <c>compare</c> read it.
/// </summary>
/// <remarks>
/// Reqnroll's attachment is a file, whose name and extension give the envelope's <c>fileName</c> and
/// <c>mediaType</c>. The event is published and awaited here, so the file is read before it is deleted;
/// <see cref="IReqnrollOutputHelper.AddAttachment"/> does not wait, and would also hand the file to
/// the unit-test framework.
/// </remarks>
[Binding]
public sealed class ObservationHooks(
    ScenarioObservations observations,
    FeatureContext feature,
    ScenarioContext scenario,
    ITestThreadExecutionEventPublisher events,
    IObjectContainer container)
{
    [AfterScenario(Order = 10_000)]
    public async Task AttachTheObservationsAsync()
    {
        if (observations.All.Count == 0)
        {
            return;
        }

        var json = Observation.Serialize(observations.All);
        // Observations hold no value by construction; every secret the run knows is masked all the same.
        if (container.IsRegistered<ConformanceRun>())
        {
            json = container.Resolve<ConformanceRun>().Redactor.Redact(json);
        }

        var folder = Directory.CreateTempSubdirectory("klaviyo-conformance-observations-");
        try
        {
            var file = Path.Combine(folder.FullName, Observation.AttachmentFileName);
            await File.WriteAllTextAsync(file, json, new UTF8Encoding(false));
            await events.PublishEventAsync(new AttachmentAddedEvent(file, feature.FeatureInfo, scenario.ScenarioInfo));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
