using System.Globalization;

namespace DigestBot.Tests.Support;

/// <summary>
/// A minimal Dovecot 2.3 configuration (2.4 renamed most of these settings): IMAP only on one loopback port, no TLS,
/// plain passwords from a passwd-file, one Maildir, every path under the test's folder.
/// </summary>
internal static class DovecotConfig
{
    // Dovecot refuses to run its login processes or mail sessions as root.
    private const int NobodyId = 65534;

    /// <param name="idle">False leaves IDLE out of the capabilities the server announces, as some servers do.</param>
    public static void Write(string directory, int port, string user, string password, bool idle)
    {
        var home = Path.Combine(directory, "home");
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(Path.Combine(directory, "run"));
        Directory.CreateDirectory(Path.Combine(directory, "state"));
        var asRoot = Environment.UserName == "root";
        var (uid, gid) = asRoot ? (NobodyId, NobodyId) : CurrentIds();
        if (asRoot && !OperatingSystem.IsWindows())
        {
            // The mail session runs as nobody and creates the Maildir here.
            File.SetUnixFileMode(home, (UnixFileMode)0b111_111_111);
        }

        var passwd = Path.Combine(directory, "passwd");
        File.WriteAllText(passwd, $"{user}:{{PLAIN}}{password}:{uid}:{gid}::{home}\n");
        var me = Environment.UserName;
        var internalUser = asRoot ? "dovecot" : me;
        var loginUser = asRoot ? "dovenull" : me;
        File.WriteAllText(Path.Combine(directory, "dovecot.conf"), $$"""
            listen = 127.0.0.1
            protocols = imap
            ssl = no
            base_dir = {{directory}}/run
            state_dir = {{directory}}/state
            log_path = {{directory}}/dovecot.log
            mail_location = maildir:~/Maildir
            disable_plaintext_auth = no
            auth_mechanisms = plain
            default_internal_user = {{internalUser}}
            default_login_user = {{loginUser}}
            first_valid_uid = {{Math.Min(uid, 500).ToString(CultureInfo.InvariantCulture)}}
            passdb {
              driver = passwd-file
              args = {{passwd}}
            }
            userdb {
              driver = passwd-file
              args = {{passwd}}
            }
            service imap-login {
              chroot =
              inet_listener imap {
                address = 127.0.0.1
                port = {{port.ToString(CultureInfo.InvariantCulture)}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service anvil {
              chroot =
            }
            {{(idle ? "" : "imap_capability = IMAP4rev1 SASL-IR LITERAL+ NAMESPACE UIDPLUS MOVE")}}
            """);
    }

    /// <summary>The real uid and gid of this process (Linux).</summary>
    private static (int Uid, int Gid) CurrentIds()
    {
        var lines = File.ReadAllLines("/proc/self/status");
        int First(string key) => int.Parse(lines.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return (First("Uid:"), First("Gid:"));
    }
}
