using System.Threading.Channels;

namespace ControlPlane.Shared.Config.Sources.Files;

/// <summary>
/// File system events under the config directory, turned into "something changed, and these
/// files for sure" after a quiet period (debounce), or nothing after the rescan interval.
/// </summary>
internal sealed class DirectoryChangeFeed(FileSourceOptions options) : IDisposable
{
    private readonly Channel<string?> _events = Channel.CreateUnbounded<string?>(new UnboundedChannelOptions { SingleReader = true });
    private FileSystemWatcher? _watcher;

    /// <summary>Starts watching; false (and the reason) when the OS refuses, e.g. out of inotify instances.</summary>
    public bool TryStart(string directory, out string? reason)
    {
        reason = null;
        if (_watcher is not null)
        {
            return true;
        }

        try
        {
            var watcher = new FileSystemWatcher(Path.GetFullPath(directory))
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Changed += (_, e) => _events.Writer.TryWrite(e.FullPath);
            watcher.Created += (_, e) => _events.Writer.TryWrite(e.FullPath);
            watcher.Deleted += (_, e) => _events.Writer.TryWrite(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                _events.Writer.TryWrite(e.OldFullPath);
                _events.Writer.TryWrite(e.FullPath);
            };

            // An overflow means events were lost: pass anyway, the scan compares every file.
            watcher.Error += (_, _) => _events.Writer.TryWrite(null);
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            reason = e.Message;
            return false;
        }
    }

    /// <summary>
    /// Waits for a burst of events to settle (at most ten quiet periods in all) or for the rescan
    /// interval; returns the full paths of config files events named (empty on a plain rescan).
    /// </summary>
    public async Task<IReadOnlySet<string>> WaitAsync(CancellationToken stoppingToken)
    {
        var forced = new HashSet<string>(StringComparer.Ordinal);
        if (!await WaitForEventAsync(options.RescanInterval, stoppingToken))
        {
            return forced;
        }

        var deadline = DateTime.UtcNow + (options.Debounce * 10);
        while (true)
        {
            Drain(forced);
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await WaitForEventAsync(options.Debounce < left ? options.Debounce : left, stoppingToken))
            {
                break;
            }
        }

        Drain(forced);
        return forced;
    }

    public void Dispose() => _watcher?.Dispose();

    private async Task<bool> WaitForEventAsync(TimeSpan timeout, CancellationToken stoppingToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        wait.CancelAfter(timeout);
        try
        {
            return await _events.Reader.WaitToReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Drain(HashSet<string> forced)
    {
        while (_events.Reader.TryRead(out var path))
        {
            if (path is not null && ConfigDirectoryScanner.IsConfigFile(path))
            {
                forced.Add(path);
            }
        }
    }
}
