# syntax=docker/dockerfile:1
# ResearchPortal web app. Build from the repository root: docker build -t researchportal .
# (docker compose up builds it too, with PostgreSQL beside it.)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files only, so the package layer is cached across code changes.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ResearchPortal.Domain/ResearchPortal.Domain.csproj src/ResearchPortal.Domain/
COPY src/ResearchPortal.Web/ResearchPortal.Web.csproj src/ResearchPortal.Web/
RUN dotnet restore src/ResearchPortal.Web/ResearchPortal.Web.csproj

COPY src/ src/
RUN dotnet publish src/ResearchPortal.Web/ResearchPortal.Web.csproj \
      -c Release -o /app/publish --no-restore -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# CJK fonts for the generated PDFs: WenQuanYi Micro Hei (Pdf:FontPath defaults to it), then HanaMinA/HanaMinB
# for the characters of CJK Extensions A–F it lacks; curl for the compose health check.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-wqy-microhei fonts-hanazono curl \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY --from=build /app/publish .

# The app's data folder (App_Data under the content root, /app) must be writable by the non-root user;
# docker-compose.yml mounts a volume there.
RUN mkdir -p /app/App_Data && chown "$APP_UID" /app/App_Data

# APP_UID is the non-root "app" user that the .NET base images define.
USER $APP_UID

ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_NOLOGO=1
EXPOSE 8080

ENTRYPOINT ["dotnet", "ResearchPortal.Web.dll"]
