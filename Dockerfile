# DigestBot worker image. Build: docker build -t digestbot .
# The restore and publish commands below are the ones tests/DigestBot.Tests/Publish/PublishedAppTests.cs runs
# (it reads them from this file), so what the image contains is exercised by the test suite.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY src/DigestBot/DigestBot.csproj src/DigestBot/
RUN dotnet restore src/DigestBot/DigestBot.csproj
COPY . .
# The project publishes ReadyToRun (precompiled) code for the build machine's platform: verbs and the worker start on
# a fraction of the CPU (see bench/README.md).
RUN dotnet publish src/DigestBot/DigestBot.csproj --no-restore -c Release -o /app/publish -p:UseAppHost=false

# RazorLight compiles templates at start-up against the ASP.NET Core shared framework: the runtime image must be aspnet.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app/publish .
# The SQLite database (which also holds the generated link-signing key), the outbox folder (emails and Discord
# posts written as files while no mail server or webhook is configured) and the compiled templates (so a restart
# does not compile them again) live on a volume that survives upgrades.
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
# DOTNET_JitHostMaxSlabCache=0: the runtime otherwise keeps up to 16 MB of the JIT compiler's freed working memory
# for reuse, released only seconds later: a one-shot verb or the start of a large send peaks about 10 MB higher with
# it. DOTNET_TC_CallCountThreshold=1000: a method is compiled a second time, optimised, after 1,000 calls instead of
# 30, so code that runs only while the worker starts is not compiled twice (the idle worker holds about 4 MB less);
# the send path's methods pass 1,000 calls within its first messages. See bench/README.md. The runtime reads both
# settings only from the environment.
ENV Storage__SqlitePath=/data/digestbot.db \
    Email__OutboxPath=/data/outbox \
    Email__TemplateCachePath=/data/template-cache \
    Web__Urls=http://0.0.0.0:8080 \
    DOTNET_gcServer=0 \
    DOTNET_JitHostMaxSlabCache=0 \
    DOTNET_TC_CallCountThreshold=1000
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["dotnet", "DigestBot.dll", "health"]
ENTRYPOINT ["dotnet", "DigestBot.dll"]
