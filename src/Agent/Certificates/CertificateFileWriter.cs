using ControlPlane.Shared.Bootstrap;

namespace ControlPlane.Agent.Certificates;

/// <summary>
/// Writes the three files a gRPC <c>file_watcher</c> provider reads. Each file is written whole to
/// a temporary file and renamed over the old one, so a reader never sees a half-written file; the
/// key goes first, then the chain, then the roots, as Istio's agent orders them, so the window in
/// which the pair differs is the one between two renames, and the gRPC libraries' watchers (which
/// re-read until key and certificate match) never load it.
/// </summary>
internal static class CertificateFileWriter
{
    public static void Write(string directory, WorkloadCertificate certificate)
    {
        Directory.CreateDirectory(directory);
        var files = CertificateFiles.In(directory);
        WriteAtomically(files.PrivateKey, certificate.PrivateKeyPem, secret: true);
        WriteAtomically(files.CertificateChain, certificate.CertificateChainPem, secret: false);
        WriteAtomically(files.RootCertificates, certificate.RootsPem, secret: false);
    }

    /// <summary>Writes <paramref name="text"/> to a temporary file beside <paramref name="path"/> and renames it into place.</summary>
    public static void WriteAtomically(string path, string text, bool secret)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (secret && !OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(text);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
