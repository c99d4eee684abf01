using Reqnroll.BoDi;
using Reqnroll.EnvironmentAccess;
using Reqnroll.Infrastructure;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// Reqnroll's container builder with the run's <see cref="RunContext"/> (and the services its host
/// provided) registered in the global container before any plugin or formatter starts, and
/// <c>{reports}</c> in reqnroll.json's output paths resolved to the run's reports folder.
/// </summary>
internal sealed class RunContainerBuilder(RunContext context) : ContainerBuilder
{
    protected override void RegisterDefaults(ObjectContainer container)
    {
        base.RegisterDefaults(container);
        container.RegisterInstanceAs(context);
        foreach (var (type, service) in context.Services)
        {
            container.RegisterInstanceAs(service, type);
        }

        container.RegisterTypeAs<ReportsFolderSubstitution, IVariableSubstitutionService>();
    }
}

/// <summary>Resolves <c>{reports}</c> to the run's reports folder, then Reqnroll's own placeholders (<c>{env:…}</c>, <c>{timestamp}</c>, …).</summary>
internal sealed class ReportsFolderSubstitution(RunContext context, IEnvironmentWrapper environment, Reqnroll.Time.IClock clock, IBuildMetadataProvider buildMetadata) : IVariableSubstitutionService
{
    public const string Placeholder = "{reports}";

    private readonly VariableSubstitutionService _reqnroll = new(environment, clock, buildMetadata);

    public string ResolveTemplatePlaceholders(string template) =>
        _reqnroll.ResolveTemplatePlaceholders(template?.Replace(Placeholder, context.ReportsFolder, StringComparison.Ordinal) ?? template!);
}
