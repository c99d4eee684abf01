using WireMock.Handlers;

namespace Klaviyo.OAuth.Emulator.Http.Stubs;

/// <summary>
/// Where a mapping's <c>BodyAsFile</c> is found: under DIR/__files (WireMock's convention for
/// bodies), then beside the mapping files (DIR, DIR/__admin/mappings, as WireMock.Net looks),
/// then the path as given.
/// </summary>
internal sealed class MappingBodyFiles(string folder) : LocalFileSystemHandler(Path.GetFullPath(folder))
{
    private readonly string _root = Path.GetFullPath(folder);

    public override byte[] ReadResponseBodyAsFile(string path) => File.ReadAllBytes(Resolve(path));

    public override string ReadResponseBodyAsString(string path) => File.ReadAllText(Resolve(path));

    private string Resolve(string path) =>
        new[] { Path.Combine(_root, "__files", path), Path.Combine(_root, path), Path.Combine(_root, "__admin", "mappings", path) }
            .FirstOrDefault(File.Exists) ?? path;
}
