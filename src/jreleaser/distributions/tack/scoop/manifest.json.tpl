{
    "version": "{{projectVersion}}",
    "description": "{{projectDescription}}",
    "homepage": "{{projectLinkHomepage}}",
    "license": "{{projectLicense}}",
    "url": "{{distributionUrl}}",
    "hash": "sha256:{{distributionChecksumSha256}}",
    "extract_dir": "{{distributionArtifactRootEntryName}}",
    "env_add_path": "bin",
    "suggest": {
        "JDK": [
            "java/temurin-lts-jdk",
            "java/openjdk"
        ]
    },
    "checkver": {
        "github": "{{projectLinkHomepage}}"
    },
    "autoupdate": {
        "url": "{{scoopAutoupdateUrl}}",
        "extract_dir": "{{scoopAutoupdateExtractDir}}",
        "hash": {
            "url": "$url.sha256"
        }
    }
}
