package dev.failforward.buildtools.verify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's own checks see what they are for (so a check that could never fail fails here). */
class PluginJarContractTest {

    @TempDir
    Path dir;

    /** A class whose one method calls {@code owner.method} on a logger it is given. */
    private static byte[] callingLogger(String internalName, String owner, String method, String descriptor) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internalName, null, "java/lang/Object", null);
        MethodVisitor code = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "log", "(Lorg/slf4j/Logger;)V", null, null);
        code.visitCode();
        code.visitVarInsn(Opcodes.ALOAD, 0);
        code.visitMethodInsn(Opcodes.INVOKEINTERFACE, owner, method, descriptor, true);
        if (!descriptor.endsWith(")V")) {
            code.visitInsn(Opcodes.POP);
        }
        code.visitInsn(Opcodes.RETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    @Test
    void slf4j2OnlyCallsAreFoundAndThe17ApiIsNot() throws Exception {
        Path jar = ValidPlugin.jar()
                .entry("dev/failforward/test/Fluent.class", callingLogger("dev/failforward/test/Fluent", "org/slf4j/Logger",
                        "atInfo", "()Lorg/slf4j/spi/LoggingEventBuilder;"))
                .entry("dev/failforward/test/Classic.class", callingLogger("dev/failforward/test/Classic", "org/slf4j/Logger",
                        "isDebugEnabled", "()Z"))
                .write(dir.resolve("plugin.jar"));
        assertThat(PluginJarContract.slf4j2Uses(jar)).isEqualTo(List.of("dev/failforward/test/Fluent.class: org/slf4j/Logger.atInfo"));
        assertThat(PluginJarContract.slf4j2Uses(ValidPlugin.jar().write(dir.resolve("valid.jar")))).isEmpty();
    }
}
