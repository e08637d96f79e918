/** The types of the one-file ESM build are the package's own. */
declare module 'echarts/dist/echarts.esm.min' {
	export * from 'echarts';
}
