# From tack's template (src/jreleaser/distributions/tack/brew/formula.rb.tpl): JReleaser's formula,
# also installing the bash completion and the man pages that the archive carries. The Java it
# depends on is keg-only (brew does not link it), so bin/tack is a script that sets JAVA_HOME to
# it, as Homebrew's own Java formulas do; a JAVA_HOME the user set still wins.
{{#brewRequireRelative}}
require_relative "{{.}}"
{{/brewRequireRelative}}

class {{brewFormulaName}} < Formula
  desc "{{projectDescription}}"
  homepage "{{projectLinkHomepage}}"
  url "{{distributionUrl}}"{{#brewDownloadStrategy}}, :using => {{.}}{{/brewDownloadStrategy}}
  version "{{projectVersion}}"
  sha256 "{{distributionChecksumSha256}}"
  license "{{projectLicense}}"

  {{#brewHasLivecheck}}
  livecheck do
    {{#brewLivecheck}}
    {{.}}
    {{/brewLivecheck}}
  end
  {{/brewHasLivecheck}}
  {{#brewDependencies}}
  depends_on {{.}}
  {{/brewDependencies}}

  def install
    libexec.install Dir["*"]
    (bin/"{{distributionExecutableName}}").write_env_script libexec/"bin/{{distributionExecutableUnix}}",
      Language::Java.overridable_java_home_env("{{distributionJavaVersion}}")
    bash_completion.install_symlink "#{libexec}/completion/tack_completion" => "{{distributionExecutableName}}"
    man1.install_symlink(*Dir["#{libexec}/man/man1/*.1"])
  end

  test do
    output = shell_output("#{bin}/{{distributionExecutableName}} --version")
    assert_match "{{projectVersion}}", output
  end
end
